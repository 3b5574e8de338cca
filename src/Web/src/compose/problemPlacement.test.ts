import { describe, expect, it } from "vitest";
import { placeProblem } from "./problemPlacement";

const refused = (detail: string) => placeProblem(422, { title: "Refused", status: 422, detail });

describe("a refusal is shown next to what caused it", () => {
  it("encryption and signing refusals go to their buttons", () => {
    expect(refused("Cannot encrypt with S/MIME: The certificate for bob@example.com was not found."))
      .toEqual({ encrypt: "Cannot encrypt with S/MIME: The certificate for bob@example.com was not found." });
    expect(refused("Cannot sign with PGP: The PGP key for support@example.com was found, but has expired."))
      .toEqual({ sign: "Cannot sign with PGP: The PGP key for support@example.com was found, but has expired." });
    expect(Object.keys(refused("The signing certificate 0A1B could not be used: the key is damaged."))).toEqual(["sign"]);
  });

  it("a system turned off goes to the security controls, a missing recipient to To, an unknown group to Group", () => {
    expect(Object.keys(refused("S/MIME is turned off; an admin can turn it on in the secure-mailing settings."))).toEqual(["security"]);
    expect(refused("There was no recipient found.")).toEqual({ to: "There was no recipient found." });
    expect(Object.keys(refused('There is no group named "Sales".'))).toEqual(["group"]);
    expect(Object.keys(refused("A new ticket needs a subject."))).toEqual(["subject"]);
  });

  it("a group without a public PGP key to attach goes to the choice that asked for it", () => {
    const detail = "The PGP key for support@example.com was not found, so there is no public key to attach; an admin can import the group's PGP key with its secret part.";
    expect(refused(detail)).toEqual({ publicKey: detail });
  });

  it("validation errors go to the fields they name, several at once", () => {
    const placed = placeProblem(400, {
      title: "One or more validation errors occurred.",
      errors: { to: ['"bob" is not an e-mail address.'], cc: ['"x@" is not an e-mail address.'], "attachments[0].base64": ["The attachment is not valid base64."] },
    });
    expect(placed).toEqual({
      to: '"bob" is not an e-mail address.',
      cc: '"x@" is not an e-mail address.',
      attachments: "The attachment is not valid base64.",
    });
  });

  it("anything else is said above Send, and a body too large names the attachments", () => {
    expect(placeProblem(404, { detail: "There is no ticket 1." })).toEqual({ form: "There is no ticket 1." });
    expect(placeProblem(413, undefined)).toEqual({ attachments: "The attachments are too large." });
    expect(placeProblem(500, undefined)).toEqual({ form: "The service answered 500." });
  });
});

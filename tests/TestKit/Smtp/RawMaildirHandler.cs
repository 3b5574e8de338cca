namespace SecureMail.TestKit.Smtp;

/// <summary>The aiosmtpd handler the test server runs, written out as a Python module at start.</summary>
/// <remarks>aiosmtpd's own Mailbox handler re-serialises each message through Python's email package:
/// it turns CRLF into LF and appends X-Peer, X-MailFrom and X-RcptTo headers, so a byte-for-byte
/// comparison with what the client sent is impossible. This one stores the DATA exactly as received
/// (after dot-unstuffing, RFC 5321 §4.5.2), puts the envelope beside it, and reads a JSON file of
/// refusals on every command so that a test can change them while the server runs.</remarks>
internal static class RawMaildirHandler
{
    public const string Module = "securemail_raw_maildir";
    public const string Class = Module + ".RawMaildir";

    public static void WriteTo(string directory) => File.WriteAllText(Path.Combine(directory, Module + ".py"), Source);

    private const string Source = """
        import json
        import os
        import time
        import uuid


        class RawMaildir:
            def __init__(self, maildir, refusals):
                self.maildir = maildir
                self.refusals = refusals
                for sub in ("tmp", "new", "cur", "envelopes"):
                    os.makedirs(os.path.join(maildir, sub), exist_ok=True)

            @classmethod
            def from_cli(cls, parser, *args):
                if len(args) != 2:
                    parser.error("usage: MAILDIR REFUSALS_JSON")
                return cls(*args)

            def _refusals(self):
                try:
                    with open(self.refusals, encoding="utf-8") as f:
                        return json.load(f)
                except FileNotFoundError:
                    return {}

            async def handle_EHLO(self, server, session, envelope, hostname, responses):
                session.host_name = hostname
                if self._refusals().get("authInTheClear"):
                    # aiosmtpd refuses AUTH without TLS unless told otherwise, and its command line cannot tell it:
                    # a relay that offers AUTH in the clear (or a STARTTLS stripped on the way) is what this imitates.
                    server._auth_require_tls = False
                    responses.insert(len(responses) - 1, "250-AUTH PLAIN LOGIN")
                return responses

            async def handle_AUTH(self, server, session, envelope, args):
                with open(os.path.join(self.maildir, "auth.log"), "a", encoding="utf-8") as f:
                    f.write(" ".join(args) + "\n")
                return "235 2.7.0 Authentication successful"

            async def handle_MAIL(self, server, session, envelope, address, mail_options):
                reply = self._refusals().get("mail")
                if reply:
                    return reply
                envelope.mail_from = address
                envelope.mail_options.extend(mail_options)
                return "250 OK"

            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                reply = self._refusals().get("rcpt", {}).get(address.lower())
                if reply:
                    return reply
                envelope.rcpt_tos.append(address)
                envelope.rcpt_options.extend(rcpt_options)
                return "250 OK"

            async def handle_DATA(self, server, session, envelope):
                reply = self._refusals().get("data")
                if reply:
                    return reply
                name = "%020d.%s" % (time.time_ns(), uuid.uuid4().hex)
                with open(os.path.join(self.maildir, "envelopes", name + ".json"), "w", encoding="utf-8") as f:
                    json.dump({"mailFrom": "" if envelope.mail_from == "<>" else envelope.mail_from, "recipients": envelope.rcpt_tos}, f)
                temporary = os.path.join(self.maildir, "tmp", name)
                with open(temporary, "wb") as f:
                    f.write(envelope.original_content)
                os.rename(temporary, os.path.join(self.maildir, "new", name))
                return "250 OK queued as " + name
        """;
}

import { useSession } from "../../session/session";
import "../../ui/utilities.css";
import { CertificateTable } from "./CertificateTable";
import { CrlSection } from "./CrlSection";
import { KeystoreAlerts } from "./KeystoreAlerts";
import { KeystoreSection } from "./KeystoreSection";
import { PgpKeyTable } from "./PgpKeyTable";
import { pgp, smime } from "./systems";
import "./keystore.css";

/** The certificate store: admins add and remove; auditors read the same lists without the buttons that change them. */
export function KeystorePage() {
  const session = useSession();
  const canEdit = session.has("admin");
  const now = new Date();
  return (
    <section className="page keystore">
      <div className="page-header">
        <h1>Keystore</h1>
      </div>
      <p className="muted lead">
        {canEdit
          ? "Certificates, private keys and PGP keys for signing and encrypting mail. Private keys never leave the keystore: only public parts can be downloaded."
          : "Certificates and PGP keys held for signing and encrypting mail. Your role reads the keystore; only admins change it."}
      </p>
      <KeystoreAlerts />
      <KeystoreSection id="smime" title="S/MIME certificates" system={smime} canEdit={canEdit}
        empty={<>No certificates yet.{canEdit && " Add a correspondent's certificate, or a group's private key with its certificate."}</>}
        renderTable={(certificates, handlers) => <CertificateTable certificates={certificates} now={now} canEdit={canEdit} {...handlers} />} />
      <CrlSection canEdit={canEdit} />
      <KeystoreSection id="pgp" title="PGP keys" system={pgp} canEdit={canEdit}
        empty={<>No PGP keys yet.{canEdit && " Add a correspondent's public key, or a group's secret key with its passphrase."}</>}
        renderTable={(keys, handlers) => <PgpKeyTable keys={keys} now={now} canEdit={canEdit} {...handlers} />} />
    </section>
  );
}

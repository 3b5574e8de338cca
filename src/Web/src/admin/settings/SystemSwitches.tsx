import { useId, useState } from "react";
import { api, describeProblem, type Schemas } from "../../api/client";
import { Notice, type NoticeContent } from "../../ui/Notice";
import { Failure, Loading } from "../../ui/states";
import { useLoad } from "../../ui/useLoad";
import type { SystemKey } from "./defaults";

const systems: { key: SystemKey; label: string; about: string }[] = [
  { key: "smime", label: "S/MIME", about: "Sign and encrypt with X.509 certificates, as most mail clients in companies do." },
  { key: "pgp", label: "PGP", about: "Sign and encrypt with OpenPGP keys (RFC 3156 PGP/MIME), as gpg and Thunderbird do." },
];

/** The two systems' switches: each change is saved at once, and a system left alone is not sent. */
export function SystemSwitches() {
  const [loaded, reload] = useLoad(() => api.GET("/api/v1/settings/secure-mailing"), []);
  const [saved, setSaved] = useState<Schemas["SecureMailingSettings"] | null>(null);
  const [saving, setSaving] = useState<SystemKey | null>(null);
  const [notice, setNotice] = useState<NoticeContent>(null);

  if (loaded.status === "loading") return <Loading what="the settings" />;
  if (loaded.status === "failed") return <Failure message={loaded.message} onRetry={reload} />;
  const current = saved ?? loaded.data;

  async function toggle(key: SystemKey, label: string) {
    if (saving) return;
    const enabled = !(current[key]?.enabled ?? false);
    setSaving(key);
    try {
      const body = key === "smime" ? { smime: { enabled }, pgp: null } : { smime: null, pgp: { enabled } };
      const { data, error, response } = await api.PUT("/api/v1/settings/secure-mailing", { body });
      if (data) {
        setSaved(data);
        setNotice({ tone: "good", lines: [`${label} is ${data[key]?.enabled ? "on" : "off"}.`] });
      } else setNotice({ tone: "bad", lines: [`${label} was not changed: ${describeProblem(error, response)}`] });
    } catch {
      setNotice({ tone: "bad", lines: [`${label} was not changed: the service could not be reached.`] });
    } finally {
      setSaving(null);
    }
  }

  return (
    <div className="stack">
      <ul className="switches">
        {systems.map((system) => (
          <SystemSwitch key={system.key} label={system.label} about={system.about} on={current[system.key]?.enabled ?? false}
            busy={saving === system.key} onToggle={() => toggle(system.key, system.label)} />
        ))}
      </ul>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
    </div>
  );
}

function SystemSwitch({ label, about, on, busy, onToggle }: { label: string; about: string; on: boolean; busy: boolean; onToggle: () => void }) {
  const aboutId = useId();
  return (
    <li className="switch-row">
      <button type="button" role="switch" aria-checked={on} aria-describedby={aboutId} aria-busy={busy || undefined}
        className="switch" onClick={onToggle}>
        <span className="switch-track" aria-hidden="true"><span className="switch-thumb" /></span>
        <span className="switch-label">{label}</span>
      </button>
      <span className={on ? "badge good" : "badge"} aria-hidden="true">{on ? "On" : "Off"}</span>
      <span id={aboutId} className="muted switch-about">{about}</span>
    </li>
  );
}

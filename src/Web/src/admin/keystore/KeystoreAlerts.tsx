import { api } from "../../api/client";
import { Empty, Failure, Loading } from "../../ui/states";
import { useLoad } from "../../ui/useLoad";
import { describeAlert } from "./alerts";
import { DistinguishedName } from "./DistinguishedName";
import { Fingerprint } from "./Fingerprint";

/** What in the keystore ends soon or has ended, critical first: above the tables, so it is the first thing an admin reads. */
export function KeystoreAlerts() {
  const [alerts, reload] = useLoad(() => api.GET("/api/v1/keystore/alerts"), []);
  const now = new Date();
  return (
    <section className="card keystore-alerts" aria-labelledby="alerts-title">
      <h2 id="alerts-title">Alerts</h2>
      {alerts.status === "loading" && <Loading what="alerts" />}
      {alerts.status === "failed" && <Failure message={alerts.message} onRetry={reload} />}
      {alerts.status === "loaded" && (alerts.data.length === 0
        ? <Empty>Nothing in the keystore expires within the warning window, and every CRL is current.</Empty>
        : (
          <ul className="alert-list">
            {alerts.data.map((alert) => {
              const { title, when } = describeAlert(alert, now);
              return (
                <li key={`${alert.code}-${alert.fingerprint}`} className={`alert-item ${alert.severity}`}>
                  <span className={`badge ${alert.severity === "critical" ? "bad" : "warn"}`}>{alert.severity === "critical" ? "Critical" : "Warning"}</span>
                  <div className="alert-body">
                    <p className="alert-title"><strong>{title}</strong> · {when}</p>
                    <p><DistinguishedName value={alert.subject} />
                      {alert.groups.length > 0 && <> · {alert.groups.length === 1 ? "group" : "groups"} {alert.groups.join(", ")}</>}
                      {alert.emails.length > 0 && <> · {alert.emails.join(", ")}</>}
                    </p>
                    <p className="muted detail">{alert.message}</p>
                    <p className="detail"><span className="muted">Fingerprint </span><Fingerprint value={alert.fingerprint} /></p>
                  </div>
                </li>
              );
            })}
          </ul>
        ))}
    </section>
  );
}

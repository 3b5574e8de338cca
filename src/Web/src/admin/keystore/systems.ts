import { api, type Schemas } from "../../api/client";
import { downloadName } from "./download";
import type { ImportKind } from "./upload";

export type Certificate = Schemas["CertificateView"];
export type PgpKey = Schemas["PgpKeyView"];
export type Entry = Certificate | PgpKey;

/** One page of a keystore list, and how many there are in all. */
export type ListPage<T> = { items: T[]; total: number | string; page: number | string; limit: number | string };

/** The search box's text (a name, an address, a domain or the start of a fingerprint) and the page, from 1. */
export type ListQuery = { q: string; page: number };

const listParams = ({ q, page }: ListQuery) => ({ params: { query: { q: q.trim() || undefined, page: String(page) } } });

/** What differs between the two systems' sections: their routes, the names of their entries, their import forms. */
export type KeystoreSystem<T extends Entry> = {
  what: "certificate" | "PGP key";
  imports: ImportKind[];
  list: (query: ListQuery) => Promise<{ data?: ListPage<T>; error?: unknown; response: Response }>;
  candidates: (query: ListQuery) => Promise<{ data?: ListPage<Schemas["CandidateView"]>; error?: unknown; response: Response }>;
  remove: (fingerprint: string) => Promise<{ error?: unknown; response: Response }>;
  /** Destroys the private key and keeps the public part; absent where the system has no such removal. */
  removeSecret?: (fingerprint: string) => Promise<{ error?: unknown; response: Response }>;
  download: (entry: T) => Promise<{ text?: string; fileName: string; type: string; error?: unknown; response: Response }>;
  importCandidate: (fingerprint: string) => Promise<{ data?: Schemas["KeystoreChangeResponse"]; error?: unknown; response: Response }>;
  dismissCandidate: (fingerprint: string) => Promise<{ error?: unknown; response: Response }>;
  nameOf: (entry: T) => string;
  hasSecret: (entry: T) => boolean;
};

const fingerprintPath = (fingerprint: string) => ({ params: { path: { fingerprint } } });

export const smime: KeystoreSystem<Certificate> = {
  what: "certificate",
  imports: ["certificate", "private-key", "trust-anchor"],
  list: (query) => api.GET("/api/v1/keystore/smime/certificates", listParams(query)),
  candidates: (query) => api.GET("/api/v1/keystore/smime/candidates", listParams(query)),
  remove: (fingerprint) => api.DELETE("/api/v1/keystore/smime/certificates/{fingerprint}", fingerprintPath(fingerprint)),
  removeSecret: (fingerprint) => api.DELETE("/api/v1/keystore/smime/certificates/{fingerprint}/private-key", fingerprintPath(fingerprint)),
  async download(certificate) {
    const { data, error, response } = await api.GET("/api/v1/keystore/smime/certificates/{fingerprint}/pem",
      { ...fingerprintPath(certificate.fingerprint), parseAs: "text" });
    return { text: data, error, response, type: "application/x-pem-file", fileName: downloadName(certificate.subject, certificate.fingerprint, "pem") };
  },
  importCandidate: (fingerprint) => api.POST("/api/v1/keystore/smime/candidates/{fingerprint}/import", fingerprintPath(fingerprint)),
  dismissCandidate: (fingerprint) => api.DELETE("/api/v1/keystore/smime/candidates/{fingerprint}", fingerprintPath(fingerprint)),
  nameOf: (certificate) => certificate.subject,
  hasSecret: (certificate) => certificate.hasPrivateKey,
};

export const pgp: KeystoreSystem<PgpKey> = {
  what: "PGP key",
  imports: ["pgp-key"],
  list: (query) => api.GET("/api/v1/keystore/pgp/keys", listParams(query)),
  candidates: (query) => api.GET("/api/v1/keystore/pgp/candidates", listParams(query)),
  remove: (fingerprint) => api.DELETE("/api/v1/keystore/pgp/keys/{fingerprint}", fingerprintPath(fingerprint)),
  async download(key) {
    const { data, error, response } = await api.GET("/api/v1/keystore/pgp/keys/{fingerprint}/armored",
      { ...fingerprintPath(key.fingerprint), parseAs: "text" });
    return { text: data, error, response, type: "application/pgp-keys", fileName: downloadName(key.userIds[0], key.fingerprint, "asc") };
  },
  importCandidate: (fingerprint) => api.POST("/api/v1/keystore/pgp/candidates/{fingerprint}/import", fingerprintPath(fingerprint)),
  dismissCandidate: (fingerprint) => api.DELETE("/api/v1/keystore/pgp/candidates/{fingerprint}", fingerprintPath(fingerprint)),
  nameOf: (key) => key.userIds[0] ?? key.keyId,
  hasSecret: (key) => key.hasPrivateKey,
};

import { Fragment } from "react";

/** A distinguished name that may wrap after each comma, never inside a name ("O=Example,CN=Example Root CA"). */
export function DistinguishedName({ value }: { value: string }) {
  const parts = value.split(",");
  return <>{parts.map((part, i) => <Fragment key={i}>{part}{i < parts.length - 1 && <>,<wbr /></>}</Fragment>)}</>;
}

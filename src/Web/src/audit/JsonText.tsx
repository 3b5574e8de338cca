/** Event data as indented JSON text: shown as text, never interpreted as markup, whatever the mail put in it. */
export function JsonText({ value }: { value: unknown }) {
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

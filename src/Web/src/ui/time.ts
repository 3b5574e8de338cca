const dateFormat = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit",
});

/** A day as the reader's locale writes it. */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** A moment to the second, in the reader's time zone (the ISO form is for a title or a copy). */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

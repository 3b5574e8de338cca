/** Placeholder: replaced by the screen itself. */
export function NewTicketPage() {
  return (
    <section className="page">
      <h1>New ticket</h1>
    </section>
  );
}

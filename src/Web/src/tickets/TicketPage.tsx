/** Placeholder: replaced by the screen itself. */
export function TicketPage() {
  return (
    <section className="page">
      <h1>Ticket</h1>
    </section>
  );
}

/** Placeholder: replaced by the screen itself. */
export function TicketListPage() {
  return (
    <section className="page">
      <h1>Tickets</h1>
    </section>
  );
}

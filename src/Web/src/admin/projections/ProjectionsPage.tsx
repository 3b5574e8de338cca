/** Placeholder: replaced by the screen itself. */
export function ProjectionsPage() {
  return (
    <section className="page">
      <h1>Read models</h1>
    </section>
  );
}

/** Placeholder: replaced by the screen itself. */
export function KeystorePage() {
  return (
    <section className="page">
      <h1>Keystore</h1>
    </section>
  );
}

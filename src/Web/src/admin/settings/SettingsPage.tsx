/** Placeholder: replaced by the screen itself. */
export function SettingsPage() {
  return (
    <section className="page">
      <h1>Settings</h1>
    </section>
  );
}

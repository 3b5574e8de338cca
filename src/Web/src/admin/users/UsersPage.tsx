/** Placeholder: replaced by the screen itself. */
export function UsersPage() {
  return (
    <section className="page">
      <h1>Users</h1>
    </section>
  );
}

import { Link } from "react-router";

export function NotFound() {
  return (
    <section className="page">
      <h1>Nothing here</h1>
      <p>This address is not a screen of the app. <Link to="/tickets">Go to the tickets.</Link></p>
    </section>
  );
}

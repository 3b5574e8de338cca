import { createBrowserRouter } from "react-router";
import { Shell } from "./Shell";
import { RequireRole } from "./RequireRole";
import { NotFound } from "./NotFound";
import { SignInPage } from "../signin/SignInPage";
import { TicketListPage } from "../tickets/TicketListPage";
import { TicketPage } from "../tickets/TicketPage";
import { NewTicketPage } from "../compose/NewTicketPage";
import { KeystorePage } from "../admin/keystore/KeystorePage";
import { SettingsPage } from "../admin/settings/SettingsPage";
import { UsersPage } from "../admin/users/UsersPage";
import { ProjectionsPage } from "../admin/projections/ProjectionsPage";
import { AuditPage } from "../audit/AuditPage";

export const router = createBrowserRouter([
  { path: "/", element: <SignInPage /> },
  {
    element: <Shell />,
    children: [
      { path: "/tickets", element: <RequireRole roles={["agent", "admin", "auditor"]}><TicketListPage /></RequireRole> },
      { path: "/tickets/new", element: <RequireRole roles={["agent"]}><NewTicketPage /></RequireRole> },
      { path: "/tickets/:id", element: <RequireRole roles={["agent", "admin", "auditor"]}><TicketPage /></RequireRole> },
      { path: "/admin/keystore", element: <RequireRole roles={["admin", "auditor"]}><KeystorePage /></RequireRole> },
      { path: "/admin/settings", element: <RequireRole roles={["admin"]}><SettingsPage /></RequireRole> },
      { path: "/admin/users", element: <RequireRole roles={["admin"]}><UsersPage /></RequireRole> },
      { path: "/admin/projections", element: <RequireRole roles={["admin", "auditor"]}><ProjectionsPage /></RequireRole> },
      { path: "/audit", element: <RequireRole roles={["auditor", "admin"]}><AuditPage /></RequireRole> },
      { path: "*", element: <NotFound /> },
    ],
  },
]);

import { Center, Loader } from "@mantine/core";
import type { ReactNode } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { ApiKeysPage } from "./admin/api-keys/ApiKeysPage";
import { AuditPage } from "./admin/audit/AuditPage";
import { AgentsPage } from "./admin/routing/AgentsPage";
import { QueuesPage } from "./admin/routing/QueuesPage";
import { RoutingSettingsPage } from "./admin/routing/RoutingSettingsPage";
import { SkillsPage } from "./admin/routing/SkillsPage";
import { TeamsPage } from "./admin/teams/TeamsPage";
import { UsersPage } from "./admin/users/UsersPage";
import { AgentDesktopPage } from "./agent/AgentDesktopPage";
import { useMe } from "./api/session";
import type { Me } from "./api/types";
import { CaseDetailPage } from "./cases/CaseDetailPage";
import { CasesPage } from "./cases/CasesPage";
import { ServerUnreachable } from "./components/ServerUnreachable";
import { CannedResponsesPage } from "./conversations/CannedResponsesPage";
import { ConversationReadPage } from "./conversations/ConversationReadPage";
import { LiveConversationsPage } from "./conversations/LiveConversationsPage";
import { CustomerDetailPage } from "./customers/CustomerDetailPage";
import { CustomersPage } from "./customers/CustomersPage";
import { DuplicatesPage } from "./customers/DuplicatesPage";
import { ImportPage } from "./customers/ImportPage";
import { ArticleEditorPage } from "./knowledge/ArticleEditorPage";
import { ArticlePage } from "./knowledge/ArticlePage";
import { KbSearchPage } from "./knowledge/KbSearchPage";
import { LoginPage } from "./pages/LoginPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { WelcomePage } from "./pages/WelcomePage";
import { AppLayout } from "./shell/AppLayout";
import { homePathFor, NAV_ITEMS } from "./shell/navigation";
import { IvrFlowEditorPage } from "./voice/IvrFlowEditorPage";
import { IvrPage } from "./voice/IvrPage";
import { WallboardPage } from "./wallboard/WallboardPage";
import { AdherencePage, ForecastPage, MySchedulePage, SchedulesPage, SimulationPage } from "./wfm/pages";

/** Renders the page only for roles its nav item allows; the API enforces the same rule server-side. */
function Guarded({ me, path, children }: { me: Me; path: string; children: ReactNode }) {
  const item = NAV_ITEMS.find((candidate) => candidate.path === path);
  return item && !item.allowed(me.role) ? <NotFoundPage forbidden /> : children;
}

/** Once logged in, /login sends the user back where the login interrupted them, or to their start page. */
function AfterLogin() {
  const from = (useLocation().state as { from?: string } | null)?.from;
  return <Navigate to={from && from !== "/login" ? from : "/"} replace />;
}

export function App() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <Center h="100vh">
        <Loader size="sm" />
      </Center>
    );
  }
  if (me.isError) return <ServerUnreachable onRetry={() => void me.refetch()} />;
  const user = me.data;
  if (!user) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          path="*"
          element={
            <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />
          }
        />
      </Routes>
    );
  }
  const page = (path: string, element: ReactNode) => (
    <Route
      path={path}
      element={
        <Guarded me={user} path={path}>
          {element}
        </Guarded>
      }
    />
  );
  return (
    <Routes>
      <Route path="/login" element={<AfterLogin />} />
      <Route element={<AppLayout me={user} />}>
        <Route index element={<Navigate to={homePathFor(user.role)} replace />} />
        {page("/agent", <AgentDesktopPage />)}
        {page("/wallboard", <WallboardPage />)}
        {page("/admin/users", <UsersPage />)}
        {page("/admin/teams", <TeamsPage />)}
        {page("/admin/queues", <QueuesPage />)}
        {page("/admin/skills", <SkillsPage />)}
        {page("/admin/agents", <AgentsPage />)}
        {page("/admin/routing-settings", <RoutingSettingsPage />)}
        {page("/admin/api-keys", <ApiKeysPage />)}
        {page("/admin/audit", <AuditPage />)}
        {page("/admin/canned-responses", <CannedResponsesPage />)}
        {page("/conversations/live", <LiveConversationsPage />)}
        {page("/conversations/:id", <ConversationReadPage />)}
        {page("/admin/ivr", <IvrPage />)}
        {page("/admin/ivr/:id", <IvrFlowEditorPage />)}
        {page("/customers", <CustomersPage />)}
        {page("/customers/duplicates", <DuplicatesPage />)}
        {page("/customers/import", <ImportPage />)}
        {page("/customers/:id", <CustomerDetailPage />)}
        {page("/cases", <CasesPage />)}
        {page("/cases/:id", <CaseDetailPage />)}
        {page("/kb", <KbSearchPage />)}
        {page("/kb/new", <ArticleEditorPage />)}
        {page("/kb/:id", <ArticlePage />)}
        {page("/kb/:id/edit", <ArticleEditorPage />)}
        {page("/wfm/forecast", <ForecastPage />)}
        {page("/wfm/schedules", <SchedulesPage />)}
        {page("/wfm/adherence", <AdherencePage />)}
        {page("/wfm/simulation", <SimulationPage />)}
        {page("/wfm/my-schedule", <MySchedulePage />)}
        <Route path="/welcome" element={<WelcomePage me={user} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

import { Outlet } from 'react-router-dom';
import { Footer } from './Footer';
import { MainNav } from './MainNav';
import { TopBar } from './TopBar';

/** The frame around every signed-in page: top bar, role-aware navigation, content, footer. */
export function AppLayout() {
  return (
    <div className="app">
      <a className="skip-link" href="#main-content" onClick={focusMain}>
        Skip to content
      </a>
      <TopBar />
      <div className="app__body">
        <MainNav />
        <main id="main-content" className="app__main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <Footer />
    </div>
  );
}

// With HashRouter an in-page "#main-content" link would be read as a route, so move focus by hand.
function focusMain(event: React.MouseEvent) {
  event.preventDefault();
  document.getElementById('main-content')?.focus();
}

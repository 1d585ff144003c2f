import { ApiError, type Caller, OfflineError, Session } from './api';
import { byId, el, field, onSubmit, replace } from './dom';

export interface PageSpec {
  /** The browser storage key of this page's session. */
  sessionKey: string;
  /** Who may use the page, and what to tell anyone else. */
  roles: Caller['role'][];
  wrongRole: string;
  render: (caller: Caller, session: Session, main: HTMLElement) => void;
}

/** Shows the login form until someone with one of the page's roles is logged in, then the page itself. */
export function startPage(spec: PageSpec): void {
  const session = new Session(spec.sessionKey);
  const main = byId<HTMLElement>('main');
  const account = byId<HTMLElement>('account');

  const show = (caller: Caller) => {
    if (!spec.roles.includes(caller.role)) {
      session.logOut();
      showLogin();
      showError(spec.wrongRole);
      return;
    }
    clearError();
    const logOut = el('button', { type: 'button', class: 'link' }, 'Log out');
    // A fresh page after logging out: no timer, live stream or queue flush of the previous user carries on.
    logOut.addEventListener('click', () => {
      session.logOut().finally(() => location.reload());
    });
    replace(account, `${caller.username}${caller.carrier ? ` · ${caller.carrier}` : ''} `, logOut);
    spec.render(caller, session, main);
  };

  const showLogin = () => {
    replace(account);
    const form = el('form', { class: 'card login', id: 'login' },
      el('h2', {}, 'Log in'),
      el('label', {}, 'User name', el('input', { name: 'username', autocomplete: 'username', required: true })),
      el('label', {}, 'Password',
        el('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
      el('button', { type: 'submit' }, 'Log in'));
    onSubmit(form, async (data) => {
      try {
        show(await session.logIn(field(data, 'username'), field(data, 'password')));
      } catch (error) {
        showError(error);
      }
    });
    replace(main, form);
  };

  if (!session.loggedIn) {
    showLogin();
    return;
  }
  session.me().then(show, (error) => {
    showLogin();
    if (!(error instanceof ApiError && error.problem.status === 401)) showError(error);
  });
}

/** Puts the error in the page's alert line, in plain words. */
export function showError(error: unknown): void {
  const text = error instanceof Error ? error.message : String(error);
  const message = byId<HTMLElement>('message');
  message.textContent = text;
  message.hidden = false;
  // A bug of the page, not a refusal: keep its details for the developer console.
  if (error instanceof Error && !(error instanceof ApiError) && !(error instanceof OfflineError)) console.error(error);
}

export function clearError(): void {
  const message = byId<HTMLElement>('message');
  message.textContent = '';
  message.hidden = true;
}

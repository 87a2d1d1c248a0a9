/** The console's sign-in form. */
import { Layout } from './layout';
import { ErrorNote } from './parts';

export function SignInPage({ next, error }: { next: string; error?: string }) {
  return (
    <Layout title="Sign in">
      <div class="card" style="max-width:22rem;margin:2rem auto">
        <h1>Sign in</h1>
        <ErrorNote error={error} />
        <form method="post" action="/console/sign-in">
          <input type="hidden" name="next" value={next} />
          <label>
            Username
            <input name="username" autocomplete="username" required />
          </label>
          <label>
            Password
            <input name="password" type="password" autocomplete="current-password" required />
          </label>
          <button>Sign in</button>
        </form>
      </div>
    </Layout>
  );
}

// Signed out: the sign-in form. Signed in: the dashboard, with the key for this tab only.
import { useState } from 'preact/hooks';
import { Dashboard } from './components/dashboard.tsx';
import { SignIn } from './components/sign-in.tsx';
import { forgetApiKey, readApiKey, storeApiKey } from './session.ts';

export function App() {
  const [apiKey, setApiKey] = useState(readApiKey);
  const [signedOutBecause, setSignedOutBecause] = useState<string>();

  if (!apiKey) {
    return (
      <SignIn
        notice={signedOutBecause}
        onSignedIn={(secret) => {
          storeApiKey(secret);
          setSignedOutBecause(undefined);
          setApiKey(secret);
        }}
      />
    );
  }
  return (
    <Dashboard
      apiKey={apiKey}
      onSignOut={(reason) => {
        forgetApiKey();
        setSignedOutBecause(reason);
        setApiKey(undefined);
      }}
    />
  );
}

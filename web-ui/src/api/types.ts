// Shapes of the Vigil server's JSON, exactly as the backend contract defines them.

export interface CurrentUser {
  username: string;
  displayName: string;
  /** Among clinician, researcher, auditor, admin; unknown values are tolerated and ignored by the UI. */
  roles: string[];
}

export interface SystemInfo {
  version: string;
  codeVersion: string;
  databaseKind: string;
}

export interface UserAccount {
  username: string;
  displayName: string;
  roles: string[];
  enabled: boolean;
  /** ISO-8601 instant. */
  createdAt: string;
  /** ISO-8601 instant, null when the user never signed in. */
  lastLoginAt: string | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
}

export type UserChanges = Partial<Pick<UserAccount, 'displayName' | 'roles' | 'enabled'>>;

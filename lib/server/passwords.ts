// Password hashing with argon2id (OWASP's recommended parameters are the library defaults).
import { hash, verify } from "@node-rs/argon2";

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A fixed hash to verify against when the account does not exist, so timing does not reveal which emails exist.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$Cq2uC2zAeX8fCk4c9TekEg$xUawmSqoXkpM//rz8Ijrq2VagSV3uRx9OYxUMCEXUHk";

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? DUMMY_HASH, password);
    return passwordHash !== null && ok;
  } catch {
    return false;
  }
}

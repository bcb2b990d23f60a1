import "server-only";
// Helpers for server components: require a session, and turn a NOT_FOUND user error into the 404 page.
import { notFound, redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "./auth";
import { UserError } from "./errors";

export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof UserError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

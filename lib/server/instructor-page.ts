import "server-only";
// Instructor pages: anonymous visitors go to sign-in; students get the 404 page (the area does not exist for them).
import { notFound } from "next/navigation";
import type { SessionUser } from "./auth";
import { requirePageUser } from "./page";

export async function requireInstructor(returnTo: string): Promise<SessionUser> {
  const user = await requirePageUser(returnTo);
  if (user.role !== "INSTRUCTOR") notFound();
  return user;
}

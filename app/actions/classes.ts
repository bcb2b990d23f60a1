"use server";
// Joining a class by its code, from the join page's form. It posts here before the page's script runs and without it
// (decision 33); with the script the form sends the same code as JSON to POST /api/classes/join.
import { revalidatePath } from "next/cache";
import { keepTyped, runAction, type ActionResult } from "@/lib/server/action";
import { joinClass, joinSchema } from "@/lib/server/class-service";

export type JoinClassResult = ActionResult<{ name: string; alreadyMember: boolean }> & { values?: Record<"code", string> };

export async function joinClassAction(_previous: unknown, formData: FormData): Promise<JoinClassResult> {
  const result = await runAction({ schema: joinSchema, role: "STUDENT" }, formData, async ({ code }, user) => {
    const joined = await joinClass(user, code);
    return { name: joined.name, alreadyMember: joined.alreadyMember };
  });
  // The page's list of classes takes the new one in.
  if (result.ok) revalidatePath("/classes/join");
  return keepTyped(result, formData, ["code"], 40);
}

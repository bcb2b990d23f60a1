import type { Metadata } from "next";
import { Container, PageHeader } from "@/components/ui";
import { ChangePasswordForm } from "@/components/change-password-form";
import { EndSessionsForm } from "@/components/end-sessions-form";
import { requirePageUser } from "@/lib/server/page";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  return (
    <Container narrow>
      <PageHeader title="Your account">{user.name} · {user.email} · {user.role === "INSTRUCTOR" ? "instructor" : "student"}</PageHeader>
      <section aria-labelledby="password-heading" className="card max-w-md">
        <h2 id="password-heading" className="mb-3 text-lg font-semibold">Change your password</h2>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="sessions-heading" className="card mt-6 max-w-md">
        <h2 id="sessions-heading" className="mb-1 text-lg font-semibold">Signed in somewhere else?</h2>
        <p className="mb-3 text-sm text-stone-700">On a shared computer or a lost phone, sign out every other browser where you are signed in. Changing your password does this too.</p>
        <EndSessionsForm />
      </section>
    </Container>
  );
}

import type { Metadata } from "next";
import { Link } from "@/components/app-link";
import { Container } from "@/components/ui";
import { SignUpForm } from "@/components/sign-up-form";
import { returnQuery, safeReturnPath } from "@/lib/domain/return-path";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  // Where the visitor was going before being asked to sign in (a class's join link, say): the new account goes there.
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  const carried = returnQuery(returnTo);
  return (
    <Container narrow>
      <div className="mx-auto max-w-md">
        <h1 className="font-serif text-3xl font-semibold">Create your account</h1>
        <p className="mt-2 text-stone-700">Already have one? <Link className="underline" href={`/signin${carried}`}>Sign in</Link>. Instructors are added by an administrator.</p>
        <div className="card mt-6"><SignUpForm returnTo={returnTo} /></div>
      </div>
    </Container>
  );
}

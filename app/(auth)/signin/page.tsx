import type { Metadata } from "next";
import { Link } from "@/components/app-link";
import { Container } from "@/components/ui";
import { SignInForm } from "@/components/sign-in-form";
import { returnQuery, safeReturnPath } from "@/lib/domain/return-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  const carried = returnQuery(returnTo);
  return (
    <Container narrow>
      <div className="mx-auto max-w-md">
        <h1 className="font-serif text-3xl font-semibold">Sign in</h1>
        {returnTo.startsWith("/classes/join") && <p className="mt-2 text-stone-800">Sign in, or create an account, to join the class: you come back to its join code afterwards.</p>}
        <p className="mt-2 text-stone-700">New here? <Link className="underline" href={`/signup${carried}`}>Create a student account</Link>.</p>
        <div className="card mt-6"><SignInForm callbackUrl={returnTo} /></div>
        <p className="mt-4 text-sm text-stone-600">Forgot your password? An instructor of one of your classes can give you a link to set a new one.</p>
      </div>
    </Container>
  );
}

import type { Metadata } from "next";
import { Link } from "@/components/app-link";
import { Container } from "@/components/ui";
import { SignUpForm } from "@/components/sign-up-form";

export const metadata: Metadata = { title: "Sign up" };

export default function SignUpPage() {
  return (
    <Container narrow>
      <div className="mx-auto max-w-md">
        <h1 className="font-serif text-3xl font-semibold">Create your account</h1>
        <p className="mt-2 text-stone-700">Already have one? <Link className="underline" href="/signin">Sign in</Link>. Instructors are added by an administrator.</p>
        <div className="card mt-6"><SignUpForm /></div>
      </div>
    </Container>
  );
}

import type { Metadata } from "next";
import { Link } from "@/components/app-link";
import { LocalTime } from "@/components/local-time";
import { ResetPasswordForm } from "@/components/reset-password-form";
import { Container, Notice } from "@/components/ui";
import { describeResetLink } from "@/lib/server/password-reset-service";

// The token is the credential: no page this one links to needs to see it in a Referer header, which carries only the
// site's origin. (Not "no-referrer": a form posted without JavaScript would then send `Origin: null`, and Next.js
// refuses a server action from an unknown origin; decision 33.)
export const metadata: Metadata = { title: "Set a new password", referrer: "strict-origin", robots: { index: false } };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await describeResetLink(token);
  return (
    <Container narrow>
      <div className="mx-auto max-w-md">
        <h1 className="font-serif text-3xl font-semibold">Set a new password</h1>
        {link.usable ? (
          <>
            <p className="mt-2 text-stone-700">
              For <span className="font-medium">{link.email}</span>. {link.issuedBy} created this link; it works once, until <LocalTime iso={link.expiresAt.toISOString()} />.
            </p>
            <div className="card mt-6"><ResetPasswordForm token={token} email={link.email} /></div>
          </>
        ) : (
          <div className="mt-6">
            <Notice tone="warning" title="This link cannot be used">{link.message}</Notice>
            <p className="mt-4 text-stone-700">Remember your password? <Link className="underline" href="/signin">Sign in</Link>.</p>
          </div>
        )}
      </div>
    </Container>
  );
}

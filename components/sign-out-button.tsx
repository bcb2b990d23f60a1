"use client";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/" })} className="text-stone-700 underline-offset-2 hover:text-stone-950 hover:underline">
      Sign out
    </button>
  );
}

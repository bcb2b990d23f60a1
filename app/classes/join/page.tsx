import type { Metadata } from "next";
import { Container } from "@/components/ui";
import { JoinClassForm } from "@/components/join-class-form";
import { requirePageUser } from "@/lib/server/page";

export const metadata: Metadata = { title: "Join a class" };

export default async function JoinClassPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  await requirePageUser(`/classes/join${code ? `?code=${encodeURIComponent(code)}` : ""}`);
  return (
    <Container narrow>
      <div className="mx-auto max-w-md">
        <h1 className="font-serif text-3xl font-semibold">Join a class</h1>
        <p className="mt-2 text-stone-700">Enter the join code your instructor gave you. Your assignments then appear on your home page.</p>
        <div className="card mt-6"><JoinClassForm initialCode={typeof code === "string" ? code.slice(0, 40) : ""} /></div>
      </div>
    </Container>
  );
}

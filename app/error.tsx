"use client";
import { Container, EmptyState } from "@/components/ui";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Container narrow>
      <EmptyState page title="This page could not be shown" action={<button type="button" className="btn-primary" onClick={reset}>Try again</button>}>
        Caravan may be temporarily unavailable. Your saved work is safe. Try again in a moment.
      </EmptyState>
    </Container>
  );
}

import { Link } from "@/components/app-link";
import type { Metadata } from "next";
import { NotFoundTitle } from "@/components/not-found-title";
import { Container, EmptyState } from "@/components/ui";

const title = "Page not found";
export const metadata: Metadata = { title };

export default function NotFound() {
  return (
    <Container narrow>
      <NotFoundTitle title={`${title} · Caravan`} />
      <EmptyState page title="Page not found" action={<Link href="/" className="btn-primary">Go to the courses</Link>}>
        The page does not exist, or you do not have access to it.
      </EmptyState>
    </Container>
  );
}

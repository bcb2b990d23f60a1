-- CreateTable
CREATE TABLE "DebateReplySeen" (
    "responseId" UUID NOT NULL,
    "seenUpTo" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DebateReplySeen_pkey" PRIMARY KEY ("responseId")
);

-- AddForeignKey
ALTER TABLE "DebateReplySeen" ADD CONSTRAINT "DebateReplySeen_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "DebateResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "DebateReply" (
    "id" UUID NOT NULL,
    "responseId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),
    "removedById" UUID,

    CONSTRAINT "DebateReply_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DebateReply_responseId_createdAt_idx" ON "DebateReply"("responseId", "createdAt");

-- CreateIndex
CREATE INDEX "DebateReply_removedById_idx" ON "DebateReply"("removedById");

-- CreateIndex
CREATE UNIQUE INDEX "DebateReply_authorId_requestId_key" ON "DebateReply"("authorId", "requestId");

-- AddForeignKey
ALTER TABLE "DebateReply" ADD CONSTRAINT "DebateReply_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "DebateResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DebateReply" ADD CONSTRAINT "DebateReply_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DebateReply" ADD CONSTRAINT "DebateReply_removedById_fkey" FOREIGN KEY ("removedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "SignedOutSession" (
    "sessionId" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignedOutSession_pkey" PRIMARY KEY ("sessionId")
);

-- CreateIndex
CREATE INDEX "SignedOutSession_userId_expiresAt_idx" ON "SignedOutSession"("userId", "expiresAt");

-- AddForeignKey
ALTER TABLE "SignedOutSession" ADD CONSTRAINT "SignedOutSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

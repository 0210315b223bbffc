/** The Nu Html Checker (vnu-jar) on the machine's Java: one JVM for a whole batch of documents. */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar')

export type VnuMessage = {
  type: 'error' | 'info' | 'non-document-error'
  subType?: string
  message: string
  extract?: string
  lastLine?: number
}

/** The checker's messages per document name. The documents are checked as the HTML the server sent. */
export const checkHtml = async (documents: Record<string, string>): Promise<Record<string, VnuMessage[]>> => {
  const folder = mkdtempSync(join(tmpdir(), 'azattyq-vnu-'))
  try {
    const files = Object.entries(documents).map(([name, html], index) => {
      const file = join(folder, `${index}.html`)
      writeFileSync(file, html)
      return { name, file }
    })
    const { stdout } = await promisify(execFile)(
      'java',
      [
        '-jar',
        VNU_JAR,
        '--format',
        'json',
        '--stdout',
        '--exit-zero-always',
        ...files.map(({ file }) => file),
      ],
      { maxBuffer: 64 * 1024 * 1024 },
    )
    const { messages } = JSON.parse(stdout) as { messages: (VnuMessage & { url?: string })[] }
    return Object.fromEntries(
      files.map(({ name, file }) => [
        name,
        messages.filter(({ url }) => url?.endsWith(`/${file.split('/').pop()}`)),
      ]),
    )
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

/** The part of word-extractor's API that src/lib/doc.ts uses (the package ships no types). */
declare module 'word-extractor' {
  interface Document {
    getBody(): string;
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<Document>;
  }
}

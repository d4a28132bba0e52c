/** The package ships no types; this is its documented API (README, v7). */
declare module 'html-encoding-sniffer' {
  interface SniffOptions {
    xml?: boolean;
    /** The charset the HTTP Content-Type declared; it wins over everything but a byte-order mark. */
    transportLayerEncodingLabel?: string | undefined;
    /** Returned when neither the transport, a byte-order mark nor a `<meta>` names an encoding. */
    defaultEncoding?: string;
    /** Bytes searched for a `<meta charset>`; 0 skips the search. */
    maxPrescanBytes?: number;
  }
  /** The canonical WHATWG encoding name, e.g. "UTF-8" or "windows-1252". */
  export default function htmlEncodingSniffer(bytes: Uint8Array, options?: SniffOptions): string;
}

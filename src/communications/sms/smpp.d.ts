/**
 * The part of the `smpp` package (node-smpp, plain JavaScript, no types of its own) that Accord uses: a session as a
 * client (`connect`) or on a server (`createServer`), PDUs with their fields by the SMPP names, and the status codes.
 */
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer, Socket } from 'node:net';

  /** A decoded short_message or message_payload: the text, and the user data headers when there were any. */
  export interface ShortMessage {
    message: string | Buffer;
    udh?: Buffer[];
  }

  export interface PDU {
    command: string;
    command_id: number;
    command_status: number;
    sequence_number: number;
    isResponse(): boolean;
    response(options?: Record<string, unknown>): PDU;
    // The command's fields and TLVs, by their SMPP names.
    system_id?: string;
    password?: string;
    message_id?: string;
    source_addr?: string;
    source_addr_ton?: number;
    source_addr_npi?: number;
    destination_addr?: string;
    dest_addr_ton?: number;
    dest_addr_npi?: number;
    esm_class?: number;
    registered_delivery?: number;
    data_coding?: number;
    short_message?: ShortMessage | Buffer | string;
    message_payload?: ShortMessage | Buffer | string;
    receipted_message_id?: string;
    message_state?: number;
  }

  export const PDU: new (command: string, options?: Record<string, unknown>) => PDU;

  export type ResponseCallback = (pdu: PDU) => void;

  export interface Session extends EventEmitter {
    socket: Socket;
    send(pdu: PDU, responseCallback?: ResponseCallback, sendCallback?: ResponseCallback): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    pause(): void;
    resume(): void;
    bind_transceiver(options: Record<string, unknown>, responseCallback?: ResponseCallback): boolean;
    submit_sm(options: Record<string, unknown>, responseCallback?: ResponseCallback): boolean;
    deliver_sm(
      options: Record<string, unknown>,
      responseCallback?: ResponseCallback,
      sendCallback?: ResponseCallback,
    ): boolean;
    enquire_link(options?: Record<string, unknown>, responseCallback?: ResponseCallback): boolean;
    unbind(options?: Record<string, unknown>, responseCallback?: ResponseCallback): boolean;
  }

  export interface Server extends NetServer {
    sessions: Session[];
  }

  export interface ConnectOptions {
    host: string;
    port: number;
    auto_enquire_link_period?: number;
  }

  export function connect(options: ConnectOptions, listener?: () => void): Session;
  export function createServer(listener: (session: Session) => void): Server;

  /** Status names to codes (`ESME_ROK`: 0, `ESME_RBINDFAIL`: 0x0D, …). */
  export const errors: Record<string, number>;

  const smpp: {
    connect: typeof connect;
    createServer: typeof createServer;
    errors: typeof errors;
    PDU: typeof PDU;
  };
  export default smpp;
}

// The one error middleware: AppErrors become {"error":{code,message,details}}; anything else a 500 without internals.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../errors.js';

export function notFoundHandler(): RequestHandler {
  return (req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: `No route ${req.method} ${req.path}` } });
  };
}

export function errorHandler(log: (msg: string) => void = console.error): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (err instanceof AppError) {
      res.status(err.status).json({ error: { code: err.code, message: err.message, details: err.details } });
      return;
    }
    // body-parser errors carry a status and a type; report them as client errors without the stack.
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log(`unexpected error: ${err?.stack ?? err}`);
    const code = status === 413 ? 'payload_too_large' : status === 500 ? 'internal_error' : 'invalid_request';
    const message = status === 500 ? 'Internal server error' : String(err?.message ?? 'Bad request');
    res.status(status).json({ error: { code, message } });
  };
}

/** What went wrong with a record or a request, worded for the person reading the console. */
export interface DeliveryError {
  /** The AWS error name, the Node network error code, `TimeoutError`, or `HTTP_<status>`. */
  code: string;
  message: string;
}

/** Thrown by calls that return data rather than outcomes, so callers still get the worded error. */
export class KinesisRequestError extends Error {
  override readonly name = 'KinesisRequestError';

  constructor(
    readonly deliveryError: DeliveryError,
    options?: ErrorOptions,
  ) {
    super(deliveryError.message, options);
  }
}

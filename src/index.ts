/** The Worker's entry point. */
import { app } from './app'

export default app

// A field of FieldsForm: which body key it fills, its label and how its text becomes a value.
import type { WorkspaceCommandBody } from '../../../api/officer'

export interface FieldSpec {
  key: keyof WorkspaceCommandBody | 'documents'
  label: string
  kind: 'text' | 'textarea' | 'lines' | 'number' | 'datetime'
  initial?: string
}

"""Importers for diary-app exports and FHIR."""
